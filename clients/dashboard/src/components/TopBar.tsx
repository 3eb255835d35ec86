import type { Viewer } from '../graphql/types';
import { REPLIES_HREF } from '../lib/route';
import { ChatIcon, SoundIcon } from './Icons';
import { NotificationButton } from './NotificationButton';
import { TeamIndicator } from './TeamIndicator';

interface Props {
  viewer: Viewer;
  muted: boolean;
  onToggleMuted: () => void;
  onShowShortcuts: () => void;
  onLogout: () => void;
}

export function TopBar({ viewer, muted, onToggleMuted, onShowShortcuts, onLogout }: Props) {
  return (
    <header class="topbar">
      <a class="topbar__brand" href="#/">
        <span class="topbar__logo">
          <ChatIcon size={16} />
        </span>
        <span class="narrow-hidden">Support</span>
      </a>
      <div class="topbar__actions">
        <TeamIndicator />
        <a class="button button--ghost" href={REPLIES_HREF} data-testid="replies-link">
          Saved replies
        </a>
        <NotificationButton />
        <button
          type="button"
          class="button button--ghost"
          aria-pressed={muted}
          title={muted ? 'Sound is off' : 'Sound is on'}
          onClick={onToggleMuted}
          data-testid="mute-toggle"
        >
          <SoundIcon muted={muted} />
          <span class="narrow-hidden">{muted ? 'Sound off' : 'Sound on'}</span>
        </button>
        <button
          type="button"
          class="button button--ghost"
          onClick={onShowShortcuts}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          data-testid="shortcuts-button"
        >
          ?
        </button>
        <span class="topbar__viewer narrow-hidden" title={viewer.email ?? undefined}>
          {viewer.name ?? viewer.email}
        </span>
        <button type="button" class="button button--ghost" onClick={onLogout} data-testid="logout">
          Log out
        </button>
      </div>
    </header>
  );
}
