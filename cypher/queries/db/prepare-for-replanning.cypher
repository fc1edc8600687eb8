// Resamples every index, waits for it, then empties the query plan cache: the next plans use statistics that know
// about the data just written. An administrator procedure; the timeout is in seconds.
CALL db.prepareForReplanning($timeoutSeconds)
