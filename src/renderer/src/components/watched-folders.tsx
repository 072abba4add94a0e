// Watched folders: imported now and again whenever files arrive in them, also after a
// restart. The engine watches them on the machine it runs on (in web mode, the server).
import { useEffect, useState } from 'react';
import { api, type Shell, type WatchedFolder } from '../api/index.ts';
import { useNotices } from '../hooks/use-notices.ts';
import { isAbsolutePath } from '../lib/format.ts';
import { CloseIcon, FolderIcon } from './icons.tsx';

export function WatchedFolders({ shell }: { shell: Shell }) {
  const { reportError } = useNotices();
  const [folders, setFolders] = useState<WatchedFolder[] | null>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    api.call('watch.list', {}).then(
      (r) => setFolders(r.folders),
      (error: unknown) => reportError('Could not list the watched folders', error),
    );
  }, [reportError]);

  const add = (path: string): void => {
    api.call('watch.add', { path }).then(
      (r) => {
        setFolders(r.folders);
        setText('');
      },
      (error: unknown) => reportError('Could not watch that folder', error),
    );
  };
  const pickAndAdd = (): void => {
    api.call('dialog.pickFolders', {}).then(
      (r) => r.paths.forEach(add),
      (error: unknown) => reportError('Could not open the folder picker', error),
    );
  };

  return (
    <section className="watched-folders" aria-label="Watched folders" data-testid="watched-folders">
      <h3 className="watched-title">Watched folders</h3>
      <p className="field-hint">New and changed files in these folders are imported as they appear, also after Wirebench restarts.</p>
      {folders && folders.length > 0 && (
        <ul className="picked-list" aria-label="Watched folders">
          {folders.map((f) => (
            <li key={f.path}>
              <FolderIcon size={15} />
              <span className="picked-path" title={f.problem ?? f.path}>
                {f.path}
                {f.problem && <span className="watched-problem"> — {f.problem}</span>}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Stop watching ${f.path}`}
                onClick={() =>
                  api.call('watch.remove', { path: f.path }).then(
                    (r) => setFolders(r.folders),
                    (error: unknown) => reportError('Could not stop watching that folder', error),
                  )
                }
              >
                <CloseIcon size={13} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {shell === 'desktop' ? (
        <button type="button" className="button" onClick={pickAndAdd}>
          <FolderIcon /> Watch a folder…
        </button>
      ) : (
        <form
          className="watch-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (isAbsolutePath(text.trim())) add(text.trim());
          }}
        >
          <input
            className="input"
            aria-label="Folder to watch"
            placeholder="/srv/archive/incoming"
            value={text}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button" disabled={!isAbsolutePath(text.trim())}>
            Watch
          </button>
        </form>
      )}
    </section>
  );
}
