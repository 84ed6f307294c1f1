-- 0007: standard organisation identifiers (org-id.guide), so a 360Giving export names a recipient
-- or funder the way every other publisher does. The mapping below is kept here, in the repository,
-- with the public source each code was read from; an organisation it does not list keeps an
-- identifier under the archive's own prefix in the export.

-- Known identifiers, by the archive's canonical organisation key.
CREATE TABLE known_org_ids (
    key     TEXT PRIMARY KEY,                   -- organisations.key of the organisation
    org_id  TEXT NOT NULL,                      -- its org-id.guide identifier: GB-GOR-... (government), GB-CHC-... (charity)
    source  TEXT NOT NULL                       -- where the code was read
) WITHOUT ROWID;
INSERT INTO known_org_ids (key, org_id, source) VALUES
    ('crown prosecution service', 'GB-GOR-D101', 'Government Organisation Register, as matched in a public org-id resolver'),
    ('department for education', 'GB-GOR-D6', 'Government Organisation Register, as matched in a public org-id resolver'),
    ('department for transport', 'GB-GOR-D9', 'Government Organisation Register, as listed in a public 360Giving funder list'),
    ('department for digital culture media and sport', 'GB-GOR-D5', 'Government Organisation Register, as in Cabinet Office 360Giving grants data'),
    ('barnardos', 'GB-CHC-216250', 'Charity Commission for England and Wales, as in GrantNav (360Giving)'),
    ('national society for the prevention of cruelty to children', 'GB-CHC-216401', 'Charity Commission for England and Wales (findthatcharity.uk)'),
    ('anti slavery international', 'GB-CHC-1049160', 'Charity Commission for England and Wales, as in IATI organisation lists'),
    ('salvation army', 'GB-CHC-214779', 'Charity Commission for England and Wales, as in IATI organisation lists');

-- The organisation's org-id.guide identifier when known (from known_org_ids).
ALTER TABLE organisations ADD COLUMN org_id TEXT;
UPDATE organisations SET org_id = (SELECT org_id FROM known_org_ids k WHERE k.key = organisations.key);
CREATE TRIGGER organisations_org_id AFTER INSERT ON organisations
WHEN EXISTS (SELECT 1 FROM known_org_ids WHERE key = new.key) BEGIN
    UPDATE organisations SET org_id = (SELECT org_id FROM known_org_ids WHERE key = new.key) WHERE id = new.id;
END;
