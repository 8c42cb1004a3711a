// The frame of every page: a skip link, navigation to every route (a compact menu on phones),
// the pipeline status, a demo-data badge, the theme toggle, update prompt and toasts.
import { A, useLocation } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, type ParentProps } from 'solid-js';
import { useDemoCount } from './DemoLibrary';
import { PipelineStatus } from './PipelineStatus';
import { Toasts } from './Toasts';
import { UpdatePrompt } from './UpdatePrompt';

const NAV = [
  ['/', 'Library'], ['/dashboards', 'Dashboards'], ['/playlists', 'Playlists'], ['/pipeline', 'Pipeline'], ['/quality', 'Quality'],
  ['/lineage', 'Lineage'], ['/catalog', 'Catalog'], ['/sql', 'SQL'], ['/settings', 'Settings'],
] as const;

type Theme = 'system' | 'light' | 'dark';
const THEME_LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function applyTheme(theme: Theme) {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
  localStorage.setItem('wolfie-theme', theme);
}

export function AppShell(props: ParentProps) {
  const stored = localStorage.getItem('wolfie-theme');
  const [theme, setTheme] = createSignal<Theme>(stored === 'light' || stored === 'dark' ? stored : 'system');
  applyTheme(theme());
  const next = () => {
    const order: Theme[] = ['system', 'light', 'dark'];
    const t = order[(order.indexOf(theme()) + 1) % order.length]!;
    setTheme(t);
    applyTheme(t);
  };
  // The compact menu closes after navigating, so the new page is not hidden behind it.
  const [menuOpen, setMenuOpen] = createSignal(false);
  const location = useLocation();
  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));
  const demo = useDemoCount();

  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="shell-header">
        <A href="/" class="brand" end aria-label="Wolfie, library">
          <img src="/icon.svg" alt="" width="24" height="24" />
          <span>Wolfie</span>
        </A>
        <button
          class="nav-toggle"
          aria-expanded={menuOpen() ? 'true' : 'false'}
          aria-controls="main-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {menuOpen() ? 'Close menu' : 'Menu'}
        </button>
        <nav id="main-nav" class="nav" aria-label="Main" data-open={menuOpen() ? 'true' : 'false'}>
          <For each={NAV}>{([href, label]) => <A href={href} end={href === '/'}>{label}</A>}</For>
        </nav>
        <div class="header-tools">
          <Show when={(demo() ?? 0) > 0}>
            <A href="/" class="badge" title="The library holds the bundled demo tracks; remove them on the Library page">
              Demo data
            </A>
          </Show>
          <PipelineStatus />
          <button onClick={next} title="Colour theme: follow the system, light or dark">{`Theme: ${THEME_LABEL[theme()]}`}</button>
        </div>
      </header>
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>{props.children}</main>
      <Toasts />
    </div>
  );
}
