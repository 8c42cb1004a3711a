// The one confirmation for destructive actions (reset, restore, deleting a rule, a saved query or
// a playlist): the native modal <dialog> (focus kept inside, Escape cancels), focus starts on
// Cancel so Enter alone never destroys anything.
import { createEffect, type JSX } from 'solid-js';
import './confirm-dialog.css';

export interface ConfirmProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  children: JSX.Element;
  onClose: (confirmed: boolean) => void;
}

export function ConfirmDialog(props: ConfirmProps) {
  let dialog!: HTMLDialogElement;
  let cancel!: HTMLButtonElement;
  const id = `confirm-${Math.random().toString(36).slice(2)}`;
  createEffect(() => {
    if (props.open && !dialog.open) {
      dialog.showModal();
      cancel.focus();
    } else if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog ref={dialog} class="card confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onCancel={(e) => { e.preventDefault(); props.onClose(false); }}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div id={`${id}-body`}>{props.children}</div>
      <div class="toolbar">
        <button ref={cancel} onClick={() => props.onClose(false)}>Cancel</button>
        <button class="danger" onClick={() => props.onClose(true)}>{props.confirmLabel}</button>
      </div>
    </dialog>
  );
}
