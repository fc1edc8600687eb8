// Citations Parley learned after a moment ($after), removed inside a transaction that is rolled back
// (server/modules/history): as of a date, a link or an event shows only the passages that backed it then.
MATCH (ev:Evidence)
WHERE ev.createdAt > datetime($after)
DETACH DELETE ev
