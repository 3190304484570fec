package io.wfdr.inventory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** SQL Server on a database server: "SQL Server 2019", service pack "" or "SP2". */
public record SqlServerInstall(@NotBlank @Size(max = 100) String version, @Size(max = 50) String servicePack) {
}
