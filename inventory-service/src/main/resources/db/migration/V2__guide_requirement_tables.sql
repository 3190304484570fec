-- The requirement tables of the guide (dr-guide.txt). The hardware tables are the same for every server role:
-- processor 2 x 2.5 GHz dual core minimum (4 cores), 2 x 3.0 GHz dual core recommended; memory 3 / 4 GB; disk 30 / 100 GB.
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('TRANSFLO_SERVER', 'PROCESSOR_CORES', 4, 4);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('TRANSFLO_SERVER', 'PROCESSOR_CLOCK_GHZ', 2.5, 3.0);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('TRANSFLO_SERVER', 'MEMORY_GB', 3, 4);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('TRANSFLO_SERVER', 'DISK_GB', 30, 100);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('WORKFLOW_IPROCESS_ENGINE', 'PROCESSOR_CORES', 4, 4);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('WORKFLOW_IPROCESS_ENGINE', 'PROCESSOR_CLOCK_GHZ', 2.5, 3.0);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('WORKFLOW_IPROCESS_ENGINE', 'MEMORY_GB', 3, 4);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('WORKFLOW_IPROCESS_ENGINE', 'DISK_GB', 30, 100);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('WORKFLOW_WEB_SERVER', 'PROCESSOR_CORES', 4, 4);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('WORKFLOW_WEB_SERVER', 'PROCESSOR_CLOCK_GHZ', 2.5, 3.0);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('WORKFLOW_WEB_SERVER', 'MEMORY_GB', 3, 4);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('WORKFLOW_WEB_SERVER', 'DISK_GB', 30, 100);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('DATABASE_SERVER', 'PROCESSOR_CORES', 4, 4);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('DATABASE_SERVER', 'PROCESSOR_CLOCK_GHZ', 2.5, 3.0);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('DATABASE_SERVER', 'MEMORY_GB', 3, 4);
INSERT INTO hardware_requirement (server_role, component, minimum, recommended) VALUES ('DATABASE_SERVER', 'DISK_GB', 30, 100);
-- File system: NTFS. FAT partitions are not supported by the TRANSFLO system.
INSERT INTO supported_platform (id, kind, product, service_pack, additional_requirement) VALUES (1, 'FILE_SYSTEM', 'NTFS', '', NULL);
-- Operating systems with their service pack levels.
INSERT INTO supported_platform (id, kind, product, service_pack, additional_requirement) VALUES (10, 'OPERATING_SYSTEM', 'Windows Server 2016', 'R2 SP2', 'MS04-012: Cumulative Update for Microsoft RPC/DCOM (KB828741)');
INSERT INTO supported_platform (id, kind, product, service_pack, additional_requirement) VALUES (11, 'OPERATING_SYSTEM', 'Windows Server 2019', 'R2', NULL);
-- Database: SQL Server 2016 with service pack 1 or 2; SQL Server 2019 with none.
INSERT INTO supported_platform (id, kind, product, service_pack, additional_requirement) VALUES (20, 'SQL_SERVER', 'SQL Server 2016', 'SP1', NULL);
INSERT INTO supported_platform (id, kind, product, service_pack, additional_requirement) VALUES (21, 'SQL_SERVER', 'SQL Server 2016', 'SP2', NULL);
INSERT INTO supported_platform (id, kind, product, service_pack, additional_requirement) VALUES (22, 'SQL_SERVER', 'SQL Server 2019', '', NULL);
