import { render } from 'preact';
import { App } from './components/App';
import './styles.css';
import './attachments.css';

const root = document.getElementById('app');
if (!root) throw new Error('#app element missing from index.html');
render(<App />, root);
