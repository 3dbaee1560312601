/** English messages of offline learning: the course page's offline panel, the queue's status, the offline page. */
export const offlineEn = {
  'offline.title': 'On this device',
  'offline.save': 'Make available offline',
  'offline.update': 'Update',
  'offline.remove': 'Remove from this device',
  'offline.again': 'Download again',
  'offline.needs':
    'Offline use needs JavaScript and a browser that can keep pages (with service workers). This browser cannot; the course works online as usual.',
  'offline.insecure':
    'Offline use needs a secure address (https://). Ask whoever runs this site to serve it over HTTPS; the course works online as usual.',
  'offline.progress': '{done} of {total} pages saved · {size}',
  'offline.available': 'Available offline · {size} · saved {date}',
  'offline.changed':
    'This course changed since you saved it: update it to read the new version offline.',
  'offline.evicted':
    'Some saved pages of this course are no longer on this device (the browser removed them to free space).',
  'offline.storage': '{free} free on this device.',
  'offline.noRoom':
    'There is not enough free space on this device: {free} free, about {needed} needed. Free some space and try again.',
  'offline.persisted': 'Your browser will keep offline courses until you remove them.',
  'offline.persistRefused':
    'Your browser did not agree to keep offline courses for good: it may remove them when space runs low. This page checks each time you open it.',
  'offline.failed':
    'The download stopped before the end. Nothing was kept; try again when the connection is better.',
  'offline.removed': 'Removed from this device.',
  'offline.badge': 'Available offline',
  'offline.saved': 'Saved on this device — it will be sent when you are back online.',
  'offline.quizSent':
    'You have already answered this quiz on this device and your answers were sent. To take it again, go online.',
  'offline.quizWaiting': 'Your answers are saved and will be marked when you are online.',
  'offline.quizProvisional':
    'Marked on this device. Your answers are saved on this device and will be sent when you are back online.',
  'offline.quizChanged':
    'This quiz changed after you answered it on your device. Your answers were kept: check them and submit the quiz again.',
  'offline.status.waiting':
    '{count|one:# answer waiting to be sent|other:# answers waiting to be sent}',
  'offline.status.login': 'Log in again to send them.',
  'offline.status.failed':
    '{count|one:# answer could not be sent|other:# answers could not be sent}: the course or quiz is no longer open to you.',
  'offline.status.sent': 'All sent.',
  'offline.page.title': 'You are offline',
  'offline.page.text': 'You are offline. This page has not been saved on this device.',
  'offline.page.courses': 'Courses saved on this device:',
  'offline.page.none':
    'No course is saved on this device yet. When you are online, open a course and choose “Make available offline”.',
  'offline.forget': 'Remove my offline courses and waiting answers from this device',
  'offline.forgetHint': 'Answers that are still waiting are lost if you remove them.',
} as const;

export type OfflineKey = keyof typeof offlineEn;
export type OfflineMessages = Record<OfflineKey, string>;
