-- Issue 21: the side (maternal/paternal) of a donor's relationship, which the exact pedigree needs
-- for grandparents, aunts/uncles and cousins. Rows recorded before stay null (unknown: the screen
-- assumes the paternal side and says so). A half sibling's side is the relation's own.
CREATE TYPE "public"."relationship_side" AS ENUM('maternal', 'paternal');
--> statement-breakpoint
ALTER TABLE "donor_relationships" ADD COLUMN "side" "relationship_side";
--> statement-breakpoint
UPDATE "donor_relationships" SET "side" = 'maternal' WHERE "relationship" = 'maternal_half_sibling';
--> statement-breakpoint
UPDATE "donor_relationships" SET "side" = 'paternal' WHERE "relationship" = 'paternal_half_sibling';
--> statement-breakpoint
ALTER TABLE "donor_relationships" ADD CONSTRAINT "donor_relationships_side_check" CHECK (case "donor_relationships"."relationship" when 'maternal_half_sibling' then "donor_relationships"."side" is not distinct from 'maternal' when 'paternal_half_sibling' then "donor_relationships"."side" is not distinct from 'paternal' when 'grandparent' then true when 'aunt_uncle' then true when 'cousin' then true else "donor_relationships"."side" is null end);
--> statement-breakpoint
-- Issue 21: what the registry's exact likelihood ratio for a proposed DNA identification rests on
-- (θ, mutation model and rate, frequency table, relatives used), stated wherever the ratio is read.
ALTER TABLE "identifications" ADD COLUMN "lr_basis" jsonb;
