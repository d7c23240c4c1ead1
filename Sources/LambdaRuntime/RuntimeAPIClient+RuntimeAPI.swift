extension RuntimeAPIClient: RuntimeAPI {}
