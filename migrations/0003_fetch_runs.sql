-- 0003: bookkeeping for `archive fetch`, so `--since last` knows where the last good window ended.
-- Windows are inclusive days 'YYYY-MM-DD'; moments are 'YYYY-MM-DDTHH:MM:SSZ' (UTC), as in 0001.

-- Every run of `archive fetch`: the window asked for and what came of it.
CREATE TABLE fetch_runs (
    id             INTEGER PRIMARY KEY,     -- run number
    started_at     TEXT NOT NULL CHECK (started_at IS strftime('%Y-%m-%dT%H:%M:%SZ', started_at)), -- when it began (UTC)
    ended_at       TEXT CHECK (ended_at IS strftime('%Y-%m-%dT%H:%M:%SZ', ended_at)), -- when it ended; NULL while running or if killed
    window_from    TEXT NOT NULL CHECK (window_from IS date(window_from, '+0 days')), -- first day asked for (inclusive)
    window_to      TEXT NOT NULL CHECK (window_to IS date(window_to, '+0 days') AND window_to >= window_from), -- last day asked for (inclusive)
    base_url       TEXT NOT NULL CHECK (length(base_url) > 0), -- the API asked, e.g. 'https://questions-statements-api.parliament.uk'
    search_terms   TEXT NOT NULL CHECK (json_valid(search_terms) AND json_type(search_terms) = 'array'), -- JSON array of the search terms
    pages_fetched  INTEGER NOT NULL DEFAULT 0 CHECK (pages_fetched >= 0), -- list pages received
    items_fetched  INTEGER NOT NULL DEFAULT 0 CHECK (items_fetched >= 0), -- question records received and written
    items_failed   INTEGER NOT NULL DEFAULT 0 CHECK (items_failed >= 0),  -- question records that could not be fetched
    outcome        TEXT NOT NULL DEFAULT 'running'
                   CHECK (outcome IN ('running', 'ok', 'failed'))         -- 'ok' only when every listed item landed
);
CREATE INDEX fetch_runs_by_outcome ON fetch_runs(outcome, window_to);
