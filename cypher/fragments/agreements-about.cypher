// How many agreements are about a topic, counted by expanding its ABOUT links (a hundred thousand on the densest,
// nearly all from events). Stored on the topic as `agreementsAbout`, so that its details (the agreements' total)
// and its events' total (its ABOUT links less these) need not count them; every write that changes an agreement's
// ABOUT link sets it again from this.
// @param topic -- the Topic node
COUNT { MATCH (agreementAbout:Agreement)-[:ABOUT]->({{topic}}) }
