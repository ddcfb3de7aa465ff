-- A grave site reaches the public map, GeoJSON and CSV only once staff mark it public, and then
-- with coordinates rounded to 0.01° (about 1 km) unless staff choose to publish the exact point.
-- Existing sites stay unpublished until someone decides: publishing is a choice, never a default.
ALTER TABLE "grave_sites" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
ALTER TABLE "grave_sites" ADD COLUMN "exact_location_public" boolean DEFAULT false NOT NULL;
