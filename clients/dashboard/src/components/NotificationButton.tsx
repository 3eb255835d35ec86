import { useState } from 'preact/hooks';
import { notificationState, requestNotifications } from '../lib/notifications';

/** "Enable notifications": asks for permission only when clicked. */
export function NotificationButton() {
  const [state, setState] = useState(notificationState);
  if (state === 'unsupported' || state === 'granted') return null;
  if (state === 'denied') {
    return (
      <span class="topbar__hint" title="Allow notifications for this site in the browser settings">
        Notifications blocked
      </span>
    );
  }
  return (
    <button
      type="button"
      class="button button--ghost"
      onClick={() => void requestNotifications().then(setState)}
      data-testid="enable-notifications"
    >
      Enable notifications
    </button>
  );
}
