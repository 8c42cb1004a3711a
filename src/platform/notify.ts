// System notifications for finished and failed runs, only when the person has allowed them and
// the tab is in the background (the in-app toast covers the foreground).
export function notify(title: string, body: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible') return;
  try {
    new Notification(title, { body });
  } catch {
    // Some platforms only allow notifications from a service worker; the toast already told them.
  }
}

export async function askNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission === 'default' ? Notification.requestPermission() : Notification.permission;
}
