// "Choose music folder": the visible button uses showDirectoryPicker where the browser has it
// (the handle is kept for Rescan); elsewhere it fronts the contract's hidden webkitdirectory input.
import type { FolderListing } from '../../platform/folder-source';
import { listDirectoryHandle, listFileList } from '../../platform/folder-source';

type PickerWindow = Window & { showDirectoryPicker?: (o?: { id?: string; mode?: 'read' }) => Promise<FileSystemDirectoryHandle> };

export function FolderPicker(props: { onListing: (listing: FolderListing) => void; onError: (message: string) => void; primary?: boolean }) {
  let input!: HTMLInputElement;
  const choose = async () => {
    const w = window as PickerWindow;
    if (!w.showDirectoryPicker) return input.click();
    try {
      const handle = await w.showDirectoryPicker({ id: 'wolfie-music', mode: 'read' });
      props.onListing(await listDirectoryHandle(handle));
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return; // the person closed the picker
      props.onError(`The folder could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <>
      <button class={props.primary ? 'primary' : ''} onClick={() => void choose()}>
        Choose music folder
      </button>
      <input
        ref={(el) => {
          input = el;
          el.setAttribute('webkitdirectory', '');
        }}
        class="visually-hidden"
        type="file"
        multiple
        tabIndex={-1}
        aria-label="Choose music folder"
        onChange={(e) => {
          const files = e.currentTarget.files;
          if (files && files.length) props.onListing(listFileList(files));
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}
