/** A presence dot, with its meaning for screen readers. */
export function OnlineDot({ online }: { online: boolean }) {
  return (
    <span class={`dot${online ? ' dot--online' : ''}`} data-testid="online-dot" data-online={String(online)}>
      <span class="visually-hidden">{online ? '(online)' : '(offline)'}</span>
    </span>
  );
}
