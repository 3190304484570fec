package io.wfdr.inventory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The operating system and its service pack level, as the guide's table names them ("Windows Server 2019", "R2"). */
public record OperatingSystem(@NotBlank @Size(max = 100) String name, @Size(max = 50) String servicePack) {
}
