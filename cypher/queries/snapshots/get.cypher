// One snapshot by id, payload included (still compressed).
MATCH (s:Snapshot {id: $id})
RETURN s {.id, .title, .note, .formatVersion, .payload, .payloadEncoding, .nodeCount, .edgeCount, .createdAt,
          .takenDown, .takenDownAt, .takedownReason} AS snapshot
