// Desktop notifications for new user messages while the dashboard tab is hidden.
// Permission is only ever requested from a click (see NotificationToggle).

export type NotificationState = NotificationPermission | 'unsupported';

export function notificationState(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function requestNotifications(): Promise<NotificationState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export function notifyNewMessage(options: {
  chatId: string;
  email: string;
  content: string;
  onClick: () => void;
}): void {
  if (notificationState() !== 'granted' || !document.hidden) return;
  const notification = new Notification(`New message from ${options.email}`, {
    body: options.content.slice(0, 200),
    tag: `support-chat-${options.chatId}`,
  });
  notification.onclick = () => {
    window.focus();
    options.onClick();
    notification.close();
  };
}
