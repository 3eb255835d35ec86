// Hash routes, so the static build works under /admin/ with any server path.
//   #/            active chats
//   #/archived    archived chats
//   #/chats/<id>  one chat

export type Route = { name: 'list'; archived: boolean } | { name: 'chat'; chatId: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const chat = /^\/chats\/([^/?#]+)/.exec(path);
  if (chat?.[1]) return { name: 'chat', chatId: decodeURIComponent(chat[1]) };
  return { name: 'list', archived: path.startsWith('/archived') };
}

export function listHref(archived: boolean): string {
  return archived ? '#/archived' : '#/';
}

export function chatHref(chatId: string): string {
  return `#/chats/${encodeURIComponent(chatId)}`;
}
