/**
 * The rating offered once staff archived the chat: 1–5 stars as a native
 * radio group (arrow keys move and choose), an optional comment, Send; then
 * the thanks.
 */
import type { Translator } from '../i18n/translate';
import type { RatingPhase } from '../rating';
import { h } from './dom';

const STARS = [1, 2, 3, 4, 5];
const MAX_COMMENT = 1000;

export interface RatingView {
  readonly element: HTMLElement;
  render(phase: RatingPhase): void;
}

export function createRatingView(t: Translator, onRate: (rating: number, comment: string | null) => void): RatingView {
  const labels = STARS.map((stars) => {
    const input = h('input', { type: 'radio', name: 'rating', value: String(stars), class: 'sr-only' });
    return h(
      'label',
      { class: 'star', 'data-testid': `star-${stars}` },
      input,
      h('span', { 'aria-hidden': 'true' }, '\u2605'),
      h('span', { class: 'sr-only' }, t.plural('ratingStars', stars)),
    );
  });
  const legendId = 'support-chat-rating-prompt';
  const stars = h(
    'div',
    { class: 'stars', role: 'radiogroup', 'aria-labelledby': legendId },
    ...labels,
  );
  const comment = h('textarea', {
    class: 'input rating-comment',
    'data-testid': 'rating-comment',
    rows: '2',
    maxlength: String(MAX_COMMENT),
    dir: 'auto',
    'aria-label': t.text('ratingComment'),
    placeholder: t.text('ratingComment'),
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'send', 'data-testid': 'rating-send', disabled: '' },
    t.text('ratingSend'),
  );
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'rating', 'data-testid': 'rating' },
    h('p', { id: legendId, class: 'rating-prompt' }, t.text('ratingPrompt')),
    stars,
    comment,
    h('div', { class: 'rating-actions' }, error, submit),
  );
  const thanks = h('p', { class: 'rating-thanks', 'data-testid': 'rating-thanks', role: 'status', tabindex: '-1' });
  const element = h('div', { class: 'rating-area', hidden: '' }, form, thanks);

  function chosen(): number {
    return Number(new FormData(form).get('rating') ?? 0);
  }

  form.addEventListener('change', () => {
    const value = chosen();
    labels.forEach((label, index) => label.classList.toggle('filled', index < value));
    submit.disabled = value === 0;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = chosen();
    if (value > 0) onRate(value, comment.value.trim() || null);
  });

  return {
    element,
    render(phase) {
      if (phase === 'hidden' && !element.hidden) {
        form.reset();
        labels.forEach((label) => label.classList.remove('filled'));
      }
      element.hidden = phase === 'hidden';
      // Focus on the form as it goes away stays in the rating, on the thanks.
      const focusLeaves = phase === 'thanks' && form.matches(':focus-within');
      form.hidden = phase === 'thanks';
      submit.disabled = phase === 'sending' || chosen() === 0;
      error.textContent = phase === 'failed' ? t.text('notSent') : '';
      thanks.textContent = phase === 'thanks' ? t.text('ratingThanks') : '';
      if (focusLeaves) thanks.focus();
    },
  };
}
