-- Rate-limit counters are written on every public request and on every failed login: an UNLOGGED
-- table skips the WAL, so each write is cheap. A crash empties it (counts restart), which is harmless.
ALTER TABLE "RateLimitCounter" SET UNLOGGED;
