// connect-chat-widget/element: importing it registers <connect-chat> (a side effect on purpose).
import { defineConnectChat } from './element.js';

defineConnectChat();

export { defineConnectChat, type ConnectChatElement } from './element.js';
