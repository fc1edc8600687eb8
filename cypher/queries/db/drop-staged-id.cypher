// Drops an index an earlier Parley created for staged nodes and that staged imports no longer use.
DROP INDEX staged_id IF EXISTS
