// Parley schema: constraints, indexes and the full-text index, applied idempotently at every start.
// Every node carries a stable application id; Entity is the shared label of people, governments, organisations,
// countries, places, agreements, events and topics (their type label sits beside it).

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT government_id IF NOT EXISTS FOR (n:Government) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT quantity_id IF NOT EXISTS FOR (n:Quantity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT snapshot_id IF NOT EXISTS FOR (n:Snapshot) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT story_id IF NOT EXISTS FOR (n:Story) REQUIRE n.id IS UNIQUE;
// One node holds what Parley keeps about the database itself (readiness, data version): never part of the graph.
CREATE CONSTRAINT parley_state_key IF NOT EXISTS FOR (n:ParleyState) REQUIRE n.key IS UNIQUE;

// Curation: audit records, rejections (so re-ingests do not resurrect deleted facts), suggestions and decisions.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT rejection_id IF NOT EXISTS FOR (n:Rejection) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT suggestion_id IF NOT EXISTS FOR (n:Suggestion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT decision_key IF NOT EXISTS FOR (n:Decision) REQUIRE n.key IS UNIQUE;
CREATE INDEX rejection_subject IF NOT EXISTS FOR (n:Rejection) ON (n.subjectId);
CREATE INDEX suggestion_status IF NOT EXISTS FOR (n:Suggestion) ON (n.status);
CREATE INDEX suggestion_key IF NOT EXISTS FOR (n:Suggestion) ON (n.key);

// Staged imports (server/modules/ingest/import.staged.ts): their state, the one staging slot (a second import
// cannot stage while one does, so every staged node is that import's), and staged nodes by id.
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (n:Import) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_staging_slot IF NOT EXISTS FOR (n:Import) REQUIRE n.stagingSlot IS UNIQUE;
CREATE INDEX staged_node_id IF NOT EXISTS FOR (n:Staged) ON (n.id);

// Filters of the explorer: kinds, types and dates.
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.dateStart);
CREATE INDEX agreement_date IF NOT EXISTS FOR (n:Agreement) ON (n.dateStart);
// A hub's neighbours page in the order it shows them (cypher/queries/nodes/neighbors.cypher): events and
// agreements by stored evidence rank (their citations negated, cypher/fragments/evidence-rank.cypher), then name.
// One index per label: a place is reached by events only, and agreements sort before events by name.
CREATE INDEX event_evidence_rank IF NOT EXISTS FOR (n:Event) ON (n.evidenceRank, n.name);
CREATE INDEX agreement_evidence_rank IF NOT EXISTS FOR (n:Agreement) ON (n.evidenceRank, n.name);
// A topic's details list its first agreements by name (cypher/queries/nodes/node.cypher): thousands at 1M.
CREATE INDEX agreement_name IF NOT EXISTS FOR (n:Agreement) ON (n.name);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX article_sha256 IF NOT EXISTS FOR (n:Article) ON (n.sha256);
CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url);

// Names, aliases and role titles, folded so that "Cavusoglu" finds "Çavuşoğlu".
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText, n.titleText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true}};

// As known on a date (server/modules/history): the entities Parley learned after a moment.
CREATE INDEX entity_known_from IF NOT EXISTS FOR (n:Entity) ON (n.knownFrom);
CREATE INDEX evidence_created IF NOT EXISTS FOR (n:Evidence) ON (n.createdAt);
