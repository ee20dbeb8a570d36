-- The gap view sums one period's needs of a forum by unit and field, region, target area (lib/db/gap.ts):
-- with every column it reads in the index, SQLite answers from the index alone (50,000 needs: ~1 ms a sum).
CREATE INDEX "Need_gap_covering_idx" ON "Need"("forumId", "period", "archivedAt", "unit", "field", "regionId", "targetAreaId", "groupId", "demand", "supply");
