/** stream-chat-react's VirtualizedMessageList with its defaults, as a host gets it (see stream-list.tsx). */
import { streamBench } from './stream-list.js';

window.bench = streamBench();
