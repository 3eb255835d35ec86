import { useClient } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { CONTACT } from '../graphql/operations';
import type { Chat, Contact } from '../graphql/types';
import { countLabel, dateTime } from '../lib/time';

interface Props {
  chat: Chat;
  /** Narrow screens: back to the conversation. */
  onClose: () => void;
}

function Stars({ rating }: { rating: number }) {
  return (
    <span class="stars" aria-label={`${rating} out of 5 stars`} data-testid="contact-rating">
      <span aria-hidden="true">{'★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating))}</span>
    </span>
  );
}

/** Who the user is: from the chat summary, plus the user's details (`Contact`). */
export function ContactPanel({ chat, onClose }: Props) {
  const client = useClient();
  const [contact, setContact] = useState<Contact | null>(null);

  useEffect(() => {
    setContact(null);
    void client
      .query(CONTACT, { id: chat.id })
      .toPromise()
      .then(({ data }) => data?.chat && setContact(data.chat.user));
  }, [client, chat.id]);

  const firstSeen = contact?.firstSeenAt ?? null;
  return (
    <aside class="contact" aria-labelledby="contact-title" data-testid="contact-panel">
      <header class="contact__header">
        <h2 id="contact-title">Contact</h2>
        <button type="button" class="button button--ghost contact__close" onClick={onClose}>
          ← <span class="visually-hidden">Back to the </span>Chat
        </button>
      </header>
      <dl class="contact__facts">
        <dt>Name</dt>
        <dd data-testid="contact-name">{chat.user.name ?? '—'}</dd>
        <dt>Email</dt>
        <dd data-testid="contact-email">{chat.user.email}</dd>
        <dt>User id</dt>
        <dd data-testid="contact-external-id">{contact?.externalId ?? '…'}</dd>
        <dt>First seen</dt>
        <dd data-testid="contact-first-seen">
          {firstSeen ? <time dateTime={firstSeen}>{dateTime(firstSeen)}</time> : '—'}
        </dd>
        <dt>Messages</dt>
        <dd data-testid="contact-message-count">{countLabel(chat.messageCount, 'message')}</dd>
        <dt>Rating</dt>
        <dd>
          {chat.rating === null ? (
            'Not rated'
          ) : (
            <>
              <Stars rating={chat.rating} />
              {chat.ratingComment && (
                <blockquote class="contact__comment" data-testid="contact-rating-comment">
                  {chat.ratingComment}
                </blockquote>
              )}
            </>
          )}
        </dd>
      </dl>
      {contact && contact.attributes.length > 0 && (
        <>
          <h3 class="contact__subtitle">Attributes</h3>
          <dl class="contact__facts" data-testid="contact-attributes">
            {contact.attributes.map((attribute) => (
              <div key={attribute.key} class="contact__attribute" data-testid="contact-attribute">
                <dt>{attribute.key}</dt>
                <dd>{attribute.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </aside>
  );
}
