// Development: small, cheap, easy to tear down. Values that differ per installation come from the environment
// (see infra/README.md); the build stops with a clear error when one of the required ones is missing.
using './main.bicep'

param environmentName = 'dev'
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
param maximumInstanceCount = 10
param instanceMemoryMB = 512
param storageSku = 'Standard_LRS'
param logRetentionInDays = 30
param keyVaultSoftDeleteRetentionInDays = 7
param keyVaultPurgeProtection = false
