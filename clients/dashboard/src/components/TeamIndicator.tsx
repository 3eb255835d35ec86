import { staffLabel, useTeam } from '../hooks/useTeam';
import { OnlineDot } from './OnlineDot';

/** "2 online": who of the team has the dashboard open, listed on click. */
export function TeamIndicator() {
  const { staff, viewer, refresh } = useTeam();
  const online = staff.filter((member) => member.online).length;
  return (
    <details class="menu menu--end" onToggle={(event) => event.currentTarget.open && refresh()} data-testid="team">
      <summary class="button button--ghost" data-testid="team-summary">
        <span class={`dot${online > 0 ? ' dot--online' : ''}`} aria-hidden="true" /> {online} online
      </summary>
      <ul class="menu__items team__list" aria-label="Team">
        {staff.map((member) => (
          <li
            key={member.id}
            class="menu__item"
            data-testid="team-member"
            data-staff-email={member.email}
            data-online={String(member.online)}
          >
            <OnlineDot online={member.online} /> {staffLabel(member)}
            {member.id === viewer.id && ' (you)'}
          </li>
        ))}
      </ul>
    </details>
  );
}
