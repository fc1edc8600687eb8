/**
 * Entity properties
 * =================
 *
 * The properties Parley itself sets on an entity node (from the import format's fields, and for search and
 * curation). Everything else stored on an entity is the data's own free `properties`, which the API, backups and
 * the import writer pass through as they are.
 */

/** Properties the import writer sets on entities; any other property of an entity is one of its free `properties`. */
export const CORE_ENTITY_PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  "type",
  "kind",
  "name",
  "aliases",
  "aliasText",
  "titleText",
  "description",
  "status",
  "date",
  "datePrecision",
  "dateStart",
  "dateEnd",
  "summary",
  "x",
  "y",
  "lat",
  "lon",
  "geoSource",
  "geoChecked",
  "geoQuestion",
  "createdAt",
  "updatedAt",
  // Derived counts kept for hubs (server/modules/nodes): an event's or agreement's citations negated
  // (cypher/fragments/evidence-rank), a topic's agreements (cypher/fragments/agreements-about).
  "evidenceRank",
  "agreementsAbout",
]);
