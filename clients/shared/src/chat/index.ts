export { emptyChatState, type ChatEntry, type ChatState, type DeliveryStatus, type ServerMessage } from './entry';
export { compareEntries } from './order';
export { applyReadReceipts, mergeMessages } from './merge';
export { addPending, findUnconfirmed, setSendStatus } from './sends';
export { newestConfirmedId, newestConfirmedSeq, oldestConfirmedId } from './cursors';
