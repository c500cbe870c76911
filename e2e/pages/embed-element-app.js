// An app using <connect-chat> from the npm package: importing 'connect-chat-widget/element'
// registers the element; the page's markup carries the options as attributes.
import 'connect-chat-widget/element';
import { EVENT_NAMES } from 'connect-chat-widget';
import { record } from './embed-app-common.js';

const element = document.querySelector('connect-chat');
for (const name of EVENT_NAMES) element.addEventListener(`connect-chat:${name}`, (event) => record(name, event.detail));
window.callChat = (method, ...args) => document.querySelector('connect-chat')[method](...args);
