// Accepts a folder dropped anywhere on the page it wraps.
import { createSignal, type ParentProps } from 'solid-js';
import { listDataTransfer, type FolderListing } from '../../platform/folder-source';

export function DropZone(props: ParentProps<{ onListing: (l: FolderListing) => void; onError: (m: string) => void }>) {
  const [over, setOver] = createSignal(false);
  return (
    <div
      class="dropzone"
      data-over={over() ? 'true' : 'false'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const items = e.dataTransfer?.items;
        if (!items) return;
        listDataTransfer(items)
          .then((listing) => (listing ? props.onListing(listing) : props.onError('Drop a folder, not single files: Wolfie reads whole folders.')))
          .catch((err: unknown) => props.onError(`The dropped folder could not be read: ${err instanceof Error ? err.message : String(err)}`));
      }}
    >
      {props.children}
    </div>
  );
}
