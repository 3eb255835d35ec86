import { useRef } from 'preact/hooks';
import type { Assignee } from '../graphql/types';
import { staffLabel, useTeam } from '../hooks/useTeam';
import { OnlineDot } from './OnlineDot';

interface Props {
  assignee: Assignee | null;
  disabled: boolean;
  onAssign: (staffId: string | null) => void;
}

/** "Assigned to …" with a menu of every staff member (online ones marked), me, or nobody. */
export function AssignPicker({ assignee, disabled, onAssign }: Props) {
  const { viewer, staff, refresh } = useTeam();
  const menu = useRef<HTMLDetailsElement>(null);
  const choose = (staffId: string | null) => {
    if (menu.current) menu.current.open = false;
    if (staffId !== (assignee?.id ?? null)) onAssign(staffId);
  };
  const others = staff.filter((member) => member.id !== viewer.id);
  const me = staff.find((member) => member.id === viewer.id);

  return (
    <details
      class="menu"
      ref={menu}
      onToggle={(event) => event.currentTarget.open && refresh()}
      data-testid="assign-picker"
    >
      <summary class="button" aria-disabled={disabled} data-testid="assign-button">
        <span class="visually-hidden">Assigned to </span>
        {assignee ? staffLabel(assignee) : 'Unassigned'} ▾
      </summary>
      <div class="menu__items">
        <button type="button" class="menu__item" onClick={() => choose(viewer.id)} data-testid="assign-me">
          <OnlineDot online={me?.online ?? true} /> Me ({viewer.name ?? viewer.email})
        </button>
        {others.map((member) => (
          <button
            key={member.id}
            type="button"
            class="menu__item"
            onClick={() => choose(member.id)}
            data-testid="assign-option"
            data-staff-email={member.email}
          >
            <OnlineDot online={member.online} /> {staffLabel(member)}
          </button>
        ))}
        <button type="button" class="menu__item" onClick={() => choose(null)} data-testid="assign-nobody">
          Nobody
        </button>
      </div>
    </details>
  );
}
