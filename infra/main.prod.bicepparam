// Production: zone-redundant storage, longer retention, purge-protected vault. Values that differ per installation
// come from the environment (see infra/README.md); the build stops with a clear error when a required one is missing.
using './main.bicep'

param environmentName = 'prod'
param smtpHost = readEnvironmentVariable('SOCIALWATCH_SMTP_HOST')
param smtpPort = int(readEnvironmentVariable('SOCIALWATCH_SMTP_PORT', '587'))
param smtpUserName = readEnvironmentVariable('SOCIALWATCH_SMTP_USERNAME')
param smtpFrom = readEnvironmentVariable('SOCIALWATCH_SMTP_FROM')
// Comma-separated origins of the business sites, e.g. "https://www.example.com,https://shop.example.com".
param corsAllowedOrigins = filter(split(readEnvironmentVariable('SOCIALWATCH_CORS_ORIGINS', ''), ','), origin => !empty(origin))
param vaultOperatorPrincipalId = readEnvironmentVariable('SOCIALWATCH_VAULT_OPERATOR_ID', '')

param sweepSchedule = '0 0 */6 * * *'
param collectSchedule = '0 0 * * * *'
param auditSchedule = '0 30 3 * * *'
param outboxSchedule = '0 */2 * * * *'
param deadAfterConsecutive = 3
param deadAfterHours = 24
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param storageSku = 'Standard_ZRS'
param logRetentionInDays = 90
param keyVaultSoftDeleteRetentionInDays = 90
param keyVaultPurgeProtection = true
