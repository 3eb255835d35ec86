import type { Viewer } from '../graphql/types';
import { ChatIcon, SoundIcon } from './Icons';
import { NotificationButton } from './NotificationButton';

interface Props {
  viewer: Viewer;
  muted: boolean;
  onToggleMuted: () => void;
  onLogout: () => void;
}

export function TopBar({ viewer, muted, onToggleMuted, onLogout }: Props) {
  return (
    <header class="topbar">
      <a class="topbar__brand" href="#/">
        <span class="topbar__logo">
          <ChatIcon size={16} />
        </span>
        Support
      </a>
      <div class="topbar__actions">
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
          {muted ? 'Sound off' : 'Sound on'}
        </button>
        <span class="topbar__viewer" title={viewer.email ?? undefined}>
          {viewer.name ?? viewer.email}
        </span>
        <button type="button" class="button button--ghost" onClick={onLogout} data-testid="logout">
          Log out
        </button>
      </div>
    </header>
  );
}
