// Every page and API path, built in one place (ids come from our own database; slugs and ids are
// URL-safe by their schemas, and encodeURIComponent keeps anything else from breaking a path).

const e = encodeURIComponent;

/** Pages. */
export const pages = {
  home: () => "/",
  login: (returnTo?: string) => (returnTo ? `/login?callbackUrl=${e(returnTo)}` : "/login"),
  account: () => "/account",
  /** Everything stored about the signed-in person (GDPR access), with the JSON download. */
  accountData: () => "/account/data",
  /** The installation's privacy and accessibility statements (public). */
  privacy: () => "/personvern",
  accessibility: () => "/tilgjengelighet",
  forum: (forum: string) => `/f/${e(forum)}`,
  overview: (forum: string) => `/f/${e(forum)}/actions`,
  mine: (forum: string) => `/f/${e(forum)}/mine`,
  notifications: (forum: string) => `/f/${e(forum)}/notifications`,
  group: (forum: string, groupId: string) => `/f/${e(forum)}/groups/${e(groupId)}`,
  groupActions: (forum: string, groupId: string) => `/f/${e(forum)}/groups/${e(groupId)}/actions`,
  groupMembers: (forum: string, groupId: string) => `/f/${e(forum)}/groups/${e(groupId)}/members`,
  groupArchive: (forum: string, groupId: string) => `/f/${e(forum)}/groups/${e(groupId)}#archive`,
  action: (forum: string, groupId: string, actionId: string) => `/f/${e(forum)}/groups/${e(groupId)}/actions#action-${e(actionId)}`,
  document: (forum: string, groupId: string, documentId: string) => `/f/${e(forum)}/groups/${e(groupId)}/documents/${e(documentId)}`,
  documentThread: (forum: string, groupId: string, documentId: string, threadId: string) =>
    `/f/${e(forum)}/groups/${e(groupId)}/documents/${e(documentId)}#thread-${e(threadId)}`,
  actionDetail: (forum: string, groupId: string, actionId: string, threadId?: string) =>
    `/f/${e(forum)}/groups/${e(groupId)}/actions/${e(actionId)}${threadId ? `#thread-${e(threadId)}` : ""}`,
  documentBlock: (forum: string, groupId: string, documentId: string, blockId: string) =>
    `/f/${e(forum)}/groups/${e(groupId)}/documents/${e(documentId)}#block-${e(blockId)}`,
  admin: (forum: string) => `/f/${e(forum)}/admin`,
  adminGroup: (forum: string, groupId: string) => `/f/${e(forum)}/admin/groups/${e(groupId)}`,
  adminUsers: (forum: string) => `/f/${e(forum)}/admin/users`,
  adminTargetAreas: (forum: string) => `/f/${e(forum)}/admin/target-areas`,
  adminAudit: (forum: string) => `/f/${e(forum)}/admin/audit`,
  adminSettings: (forum: string) => `/f/${e(forum)}/admin/settings`,
  adminSignIn: (forum: string) => `/f/${e(forum)}/admin/sign-in`,
  adminRegions: (forum: string) => `/f/${e(forum)}/admin/regions`,
  adminStatements: (forum: string) => `/f/${e(forum)}/admin/statements`,
  approvals: (forum: string) => `/f/${e(forum)}/approvals`,
  /** The search page; `query` holds q and the filters (lib/validation/search.ts: searchParamsToQuery). */
  search: (forum: string, query?: URLSearchParams) => `/f/${e(forum)}/search${query?.size ? `?${query.toString()}` : ""}`,
  needs: (forum: string, query?: URLSearchParams) => `/f/${e(forum)}/needs${query?.size ? `?${query.toString()}` : ""}`,
  need: (forum: string, needId: string) => `/f/${e(forum)}/needs/${e(needId)}`,
  needNew: (forum: string) => `/f/${e(forum)}/needs/new`,
  /** The gap view; `query` holds its filters (lib/validation/gap.ts: gapQueryToSearch). */
  gap: (forum: string, query?: URLSearchParams) => `/f/${e(forum)}/gap${query?.size ? `?${query.toString()}` : ""}`,
  area: (forum: string, areaId: string) => `/f/${e(forum)}/areas/${e(areaId)}`,
  annualReport: (forum: string) => `/f/${e(forum)}/reports`,
  /** Import of figures into the needs register, with the list of imports. */
  needsImport: (forum: string) => `/f/${e(forum)}/needs/import`,
};

/** JSON API. */
export const api = {
  groups: (forum: string) => `/api/forums/${e(forum)}/groups`,
  group: (forum: string, groupId: string) => `/api/forums/${e(forum)}/groups/${e(groupId)}`,
  groupMembers: (forum: string, groupId: string) => `/api/forums/${e(forum)}/groups/${e(groupId)}/members`,
  groupMember: (forum: string, groupId: string, userId: string) => `/api/forums/${e(forum)}/groups/${e(groupId)}/members/${e(userId)}`,
  groupActions: (forum: string, groupId: string) => `/api/forums/${e(forum)}/groups/${e(groupId)}/actions`,
  groupDocuments: (forum: string, groupId: string) => `/api/forums/${e(forum)}/groups/${e(groupId)}/documents`,
  action: (forum: string, actionId: string) => `/api/forums/${e(forum)}/actions/${e(actionId)}`,
  actionRaci: (forum: string, actionId: string) => `/api/forums/${e(forum)}/actions/${e(actionId)}/raci`,
  actionAccountable: (forum: string, actionId: string) => `/api/forums/${e(forum)}/actions/${e(actionId)}/accountable`,
  actionsCsv: (forum: string, query: URLSearchParams) => `/api/forums/${e(forum)}/actions.csv?${query.toString()}`,
  actionsBulk: (forum: string) => `/api/forums/${e(forum)}/actions/bulk`,
  savedViews: (forum: string) => `/api/forums/${e(forum)}/views`,
  savedView: (forum: string, viewId: string) => `/api/forums/${e(forum)}/views/${e(viewId)}`,
  document: (forum: string, documentId: string) => `/api/forums/${e(forum)}/documents/${e(documentId)}`,
  documentRaci: (forum: string, documentId: string) => `/api/forums/${e(forum)}/documents/${e(documentId)}/raci`,
  documentFollow: (forum: string, documentId: string) => `/api/forums/${e(forum)}/documents/${e(documentId)}/follow`,
  documentImages: (forum: string, documentId: string) => `/api/forums/${e(forum)}/documents/${e(documentId)}/images`,
  image: (forum: string, imageId: string) => `/api/forums/${e(forum)}/images/${e(imageId)}`,
  documentVersions: (forum: string, documentId: string) => `/api/forums/${e(forum)}/documents/${e(documentId)}/versions`,
  documentVersion: (forum: string, documentId: string, versionId: string) => `/api/forums/${e(forum)}/documents/${e(documentId)}/versions/${e(versionId)}`,
  documentVersionRestore: (forum: string, documentId: string, versionId: string) =>
    `/api/forums/${e(forum)}/documents/${e(documentId)}/versions/${e(versionId)}/restore`,
  documentVersionDiff: (forum: string, documentId: string, from: string, to: string) =>
    `/api/forums/${e(forum)}/documents/${e(documentId)}/versions/diff?${new URLSearchParams({ from, to }).toString()}`,
  notificationsRead: (forum: string) => `/api/forums/${e(forum)}/notifications/read`,
  notificationsOpened: (forum: string) => `/api/forums/${e(forum)}/notifications/opened`,
  identityProviders: (forum: string) => `/api/forums/${e(forum)}/identity-providers`,
  identityProvider: (forum: string, id: string) => `/api/forums/${e(forum)}/identity-providers/${e(id)}`,
  invitations: (forum: string) => `/api/forums/${e(forum)}/invitations`,
  invitation: (forum: string, id: string) => `/api/forums/${e(forum)}/invitations/${e(id)}`,
  targetAreas: (forum: string) => `/api/forums/${e(forum)}/target-areas`,
  targetArea: (forum: string, areaId: string) => `/api/forums/${e(forum)}/target-areas/${e(areaId)}`,
  users: (forum: string) => `/api/forums/${e(forum)}/users`,
  user: (forum: string, userId: string) => `/api/forums/${e(forum)}/users/${e(userId)}`,
  userPasswordReset: (forum: string, userId: string) => `/api/forums/${e(forum)}/users/${e(userId)}/password-reset`,
  userErasure: (forum: string, userId: string) => `/api/forums/${e(forum)}/users/${e(userId)}/erasure`,
  account: () => "/api/account",
  accountExport: () => "/api/account/export",
  /** An installation-wide text (privacy, accessibility), edited by the forum's administrators. */
  siteText: (forum: string, key: string) => `/api/forums/${e(forum)}/site-texts/${e(key)}`,
  accountPassword: () => "/api/account/password",
  locale: () => "/api/locale",
  submitApproval: (forum: string, documentId: string) => `/api/forums/${e(forum)}/documents/${e(documentId)}/approvals`,
  approval: (forum: string, requestId: string) => `/api/forums/${e(forum)}/approvals/${e(requestId)}`,
  vote: (forum: string, requestId: string) => `/api/forums/${e(forum)}/approvals/${e(requestId)}/vote`,
  closeApproval: (forum: string, requestId: string) => `/api/forums/${e(forum)}/approvals/${e(requestId)}/close`,
  forumSettings: (forum: string) => `/api/forums/${e(forum)}/settings`,
  documentThreads: (forum: string, documentId: string) => `/api/forums/${e(forum)}/documents/${e(documentId)}/threads`,
  actionThreads: (forum: string, actionId: string) => `/api/forums/${e(forum)}/actions/${e(actionId)}/threads`,
  thread: (forum: string, threadId: string) => `/api/forums/${e(forum)}/threads/${e(threadId)}`,
  threadComments: (forum: string, threadId: string) => `/api/forums/${e(forum)}/threads/${e(threadId)}/comments`,
  comment: (forum: string, commentId: string) => `/api/forums/${e(forum)}/comments/${e(commentId)}`,
  members: (forum: string) => `/api/forums/${e(forum)}/members`,
  needs: (forum: string) => `/api/forums/${e(forum)}/needs`,
  need: (forum: string, needId: string) => `/api/forums/${e(forum)}/needs/${e(needId)}`,
  needLinks: (forum: string, needId: string) => `/api/forums/${e(forum)}/needs/${e(needId)}/links`,
  regions: (forum: string) => `/api/forums/${e(forum)}/regions`,
  imports: (forum: string) => `/api/forums/${e(forum)}/imports`,
  importPreview: (forum: string) => `/api/forums/${e(forum)}/imports/preview`,
  importUndo: (forum: string, batchId: string) => `/api/forums/${e(forum)}/imports/${e(batchId)}/undo`,
  search: (forum: string, query: URLSearchParams) => `/api/forums/${e(forum)}/search?${query.toString()}`,
  /** Server-Sent Events of the forum: `topics` names what to follow (lib/events/topics.ts). */
  events: (forum: string, topics: readonly string[]) => `/api/forums/${e(forum)}/events?${new URLSearchParams({ topics: topics.join(",") }).toString()}`,
};

/** The annual report of a period, as PDF and Markdown. */
export const reports = {
  annualPdf: (forum: string, period: string) => `/api/forums/${e(forum)}/reports/annual.pdf?${new URLSearchParams({ period }).toString()}`,
  annualMarkdown: (forum: string, period: string) => `/api/forums/${e(forum)}/reports/annual.md?${new URLSearchParams({ period }).toString()}`,
  /** Where the report page's form sends its GET (the period is the form's field). */
  annualPdfBase: (forum: string) => `/api/forums/${e(forum)}/reports/annual.pdf`,
  annualMarkdownBase: (forum: string) => `/api/forums/${e(forum)}/reports/annual.md`,
};

/** Decision records of decided approval requests (Markdown and PDF downloads). */
export const decisionRecords = {
  markdown: (forum: string, requestId: string) => `/api/forums/${e(forum)}/approvals/${e(requestId)}/record.md`,
  pdf: (forum: string, requestId: string) => `/api/forums/${e(forum)}/approvals/${e(requestId)}/record.pdf`,
};

/** The public pages of a forum's approved recommendations (no sign-in; only when the forum turns them on). */
export const publicPages = {
  forum: (forum: string) => `/p/${e(forum)}`,
  document: (forum: string, documentId: string) => `/p/${e(forum)}/${e(documentId)}`,
  feed: (forum: string) => `/p/${e(forum)}/feed.xml`,
};
