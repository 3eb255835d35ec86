/** Whether support is online: a line under the header's title and, when nobody is, the away text. */
import type { Availability } from '../api';
import type { Translator } from '../i18n/translate';
import { h } from './dom';

export interface AvailabilityView {
  /** Goes under the title in the header. */
  readonly status: HTMLElement;
  /** Goes above the messages: the configured away text. */
  readonly notice: HTMLElement;
  /** Null: not known yet (nothing shown). */
  render(availability: Availability | null): void;
}

export function createAvailabilityView(t: Translator): AvailabilityView {
  const status = h('p', { class: 'availability', 'data-testid': 'availability' });
  const notice = h('p', { class: 'away', 'data-testid': 'away', dir: 'auto', hidden: '' });
  return {
    status,
    notice,
    render(availability) {
      status.dataset.online = String(availability?.online ?? '');
      status.textContent = availability ? t.text(availability.online ? 'supportOnline' : 'supportOffline') : '';
      notice.hidden = availability === null || availability.online;
      notice.textContent = availability?.online === false ? (availability.message ?? t.text('supportAway')) : '';
    },
  };
}
