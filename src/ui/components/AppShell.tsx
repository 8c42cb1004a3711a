// The frame of every page: navigation to every route, the pipeline status, the theme toggle, toasts.
import { A } from '@solidjs/router';
import { createSignal, For, type ParentProps } from 'solid-js';
import { PipelineStatus } from './PipelineStatus';
import { Toasts } from './Toasts';

const NAV = [
  ['/', 'Library'], ['/dashboards', 'Dashboards'], ['/playlists', 'Playlists'], ['/pipeline', 'Pipeline'], ['/quality', 'Quality'],
  ['/lineage', 'Lineage'], ['/catalog', 'Catalog'], ['/sql', 'SQL'], ['/settings', 'Settings'],
] as const;

type Theme = 'system' | 'light' | 'dark';

function applyTheme(theme: Theme) {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
  localStorage.setItem('wolfie-theme', theme);
}

export function AppShell(props: ParentProps) {
  const [theme, setTheme] = createSignal<Theme>((localStorage.getItem('wolfie-theme') as Theme | null) ?? 'system');
  applyTheme(theme());
  const next = () => {
    const order: Theme[] = ['system', 'light', 'dark'];
    const t = order[(order.indexOf(theme()) + 1) % order.length]!;
    setTheme(t);
    applyTheme(t);
  };
  return (
    <div class="shell">
      <header class="shell-header">
        <A href="/" class="brand" end>Wolfie</A>
        <nav class="nav" aria-label="Main">
          <For each={NAV}>{([href, label]) => <A href={href} end={href === '/'}>{label}</A>}</For>
        </nav>
        <PipelineStatus />
        <button onClick={next} aria-label={`Colour theme: ${theme()}. Change theme`}>{`Theme: ${theme()}`}</button>
      </header>
      <main id="main">{props.children}</main>
      <Toasts />
    </div>
  );
}
