-- The guide's browser table (Internet Explorer 9.0 or 11.0, 32-bit browsers only) and the RPC/DCOM update that
-- Windows Server 2016 needs are requirements like the others: a server records its browser and installed updates.
ALTER TABLE server ADD browser NVARCHAR(100);
ALTER TABLE server ADD installed_updates VARCHAR(2000);
INSERT INTO supported_platform (id, kind, product, service_pack, additional_requirement) VALUES (30, 'BROWSER', 'Internet Explorer 9', '', '32-bit browsers only');
INSERT INTO supported_platform (id, kind, product, service_pack, additional_requirement) VALUES (31, 'BROWSER', 'Internet Explorer 11', '', '32-bit browsers only');
