-- Which database the environment's Workflow uses: after a recovery, the restored one takes over from production's.
ALTER TABLE known_database ADD active BIT NOT NULL DEFAULT 1;
ALTER TABLE known_database ADD takes_over_from VARCHAR(36);
