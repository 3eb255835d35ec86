// Hash routes, so the static build works under /admin/ with any server path. The open chat
// is part of the list's route, so the list stays in place beside it:
//   #/                         active chats, everyone's
//   #/archived                 archived chats
//   #/mine, #/unassigned       active chats assigned to me / to nobody (also #/archived/mine)
//   #/<list>/chats/<id>        that list with one chat open (#/chats/<id>: all active chats)
//   #/replies                  saved replies

export type AssigneeFilter = 'ANYONE' | 'ME' | 'NOBODY';

export interface ListRoute {
  archived: boolean;
  assignee: AssigneeFilter;
}

export type Route =
  | { name: 'inbox'; list: ListRoute; chatId: string | null }
  | { name: 'replies' };

const ASSIGNEE_SEGMENTS: Readonly<Record<AssigneeFilter, string>> = {
  ANYONE: '',
  ME: 'mine',
  NOBODY: 'unassigned',
};

function assigneeOf(segment: string | undefined): AssigneeFilter {
  if (segment === 'mine') return 'ME';
  if (segment === 'unassigned') return 'NOBODY';
  return 'ANYONE';
}

export function parseRoute(hash: string): Route {
  const segments = hash.replace(/^#/, '').split(/[?#]/)[0]!.split('/').filter(Boolean);
  if (segments[0] === 'replies') return { name: 'replies' };
  const archived = segments[0] === 'archived';
  const rest = archived ? segments.slice(1) : segments;
  const assignee = assigneeOf(rest[0]);
  const afterList = assignee === 'ANYONE' ? rest : rest.slice(1);
  const chatId = afterList[0] === 'chats' && afterList[1] ? decodeURIComponent(afterList[1]) : null;
  return { name: 'inbox', list: { archived, assignee }, chatId };
}

function listPath({ archived, assignee }: ListRoute): string {
  return ['', archived ? 'archived' : '', ASSIGNEE_SEGMENTS[assignee]].filter(Boolean).join('/');
}

export function listHref(list: ListRoute): string {
  return `#/${listPath(list)}`;
}

/** One chat, opened beside `list` (all active chats when no list is given). */
export function chatHref(chatId: string, list: ListRoute = ALL_ACTIVE): string {
  const path = listPath(list);
  return `#/${path ? `${path}/` : ''}chats/${encodeURIComponent(chatId)}`;
}

export const REPLIES_HREF = '#/replies';

export const ALL_ACTIVE: ListRoute = { archived: false, assignee: 'ANYONE' };
