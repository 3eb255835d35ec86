import { useEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from '../lib/keyboard';

interface Props {
  onClose: () => void;
}

/** The keyboard shortcuts, in a modal dialog (Esc closes it). */
export function ShortcutsDialog({ onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="shortcuts" onClose={onClose} aria-labelledby="shortcuts-title" data-testid="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(({ keys, does }) => (
            <tr key={does}>
              <td>
                {keys.map((key, index) => (
                  <>
                    {index > 0 && ' or '}
                    <kbd>{key}</kbd>
                  </>
                ))}
              </td>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button class="button" data-testid="shortcuts-close">
          Close
        </button>
      </form>
    </dialog>
  );
}
