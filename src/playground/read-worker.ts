/**
 * The playground's read worker: an opened .xlsx is read here, off the page's thread, so the page stays
 * responsive and 「取消」 can end the read at once (the page terminates this worker). All it does is in
 * read-worker-handler.ts; the page's side is workbook-reader.ts.
 */
import { handleReadRequest, type ReadReply, type ReadRequest } from './read-worker-handler';

/** The worker's global, typed by hand: the project's lib is DOM, whose `self` is a Window. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(reply: ReadReply): void;
};

scope.onmessage = (event) => void handleReadRequest(event.data, (reply) => scope.postMessage(reply));
