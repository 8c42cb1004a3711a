// Entry point: render the app and nothing else.
import { render } from 'solid-js/web';
import { App } from './app/App';
import './ui/tokens.css';
import './ui/app.css';

render(() => <App />, document.getElementById('root')!);
