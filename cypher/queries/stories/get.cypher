// One story by id, payload included (canonical JSON).
MATCH (s:Story {id: $id})
RETURN s {.id, .title, .formatVersion, .payload, .stepCount, .createdAt, .takenDown, .takenDownAt,
          .takedownReason} AS story
