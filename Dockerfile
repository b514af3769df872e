# Casualties worker image: build with the .NET SDK, run on the .NET runtime as a non-root user.
#   docker build -t casualties .
#   docker run --rm -e ConnectionStrings__Casualties="Host=db;Database=casualties;Username=casualties;Password=..." casualties
# See docs/worker.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that the package layer is reused when only code changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Casualties.Domain/Casualties.Domain.csproj src/Casualties.Domain/
COPY src/Casualties.Postgres/Casualties.Postgres.csproj src/Casualties.Postgres/
COPY src/Casualties.Ingestion/Casualties.Ingestion.csproj src/Casualties.Ingestion/
COPY src/Casualties.Reports/Casualties.Reports.csproj src/Casualties.Reports/
COPY src/Casualties.Worker/Casualties.Worker.csproj src/Casualties.Worker/
RUN dotnet restore src/Casualties.Worker/Casualties.Worker.csproj
# The SQL under db/ is embedded in Casualties.Postgres at build time; every file under seeds/ (reference data,
# shipped mappings, the demo's samples) is part of the publish output, as it is of the .NET tool.
COPY db/ db/
COPY seeds/ seeds/
COPY src/ src/
RUN dotnet publish src/Casualties.Worker/Casualties.Worker.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
# The publish output alone: casualties.dll with seeds/ beside it (found there by `migrate`, `seed` and `demo`).
COPY --from=build /app ./
RUN mkdir -p /data/inbox /data/reports && chown -R "$APP_UID" /data
USER $APP_UID
ENV DOTNET_NOLOGO=1 \
    InboxOptions__Folders__0=/data/inbox \
    ReportOptions__Folder=/data/reports
VOLUME ["/data/inbox", "/data/reports"]
# SIGTERM (docker stop) lets the running job finish or releases it within WorkerOptions:ShutdownTimeout.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/casualties.dll"]
CMD ["worker"]
