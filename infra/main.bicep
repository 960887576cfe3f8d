// SocialWatch on Azure: a Flex Consumption function app running the .NET isolated worker, with identity-based storage,
// Key Vault references for secrets and Application Insights over OpenTelemetry. Deployment guide: infra/README.md.
targetScope = 'resourceGroup'

metadata description = 'SocialWatch: Flex Consumption function app (.NET isolated worker), storage, identity, Key Vault, monitoring.'

@description('Environment the parameter file describes; part of every resource name.')
@allowed(['dev', 'prod'])
param environmentName string

@description('Region of every resource; it must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Name stem of the resources: lowercase letters and digits.')
@minLength(3)
@maxLength(11)
param appName string = 'socialwatch'

@description('Tags applied to every resource.')
param tags object = {}

@description('Origins of the business sites allowed to call the API from a browser, e.g. https://www.example.com.')
param corsAllowedOrigins string[] = []

@description('NCRONTAB (6 fields, UTC: Flex Consumption has no time zone setting) of the profile sweep.')
param sweepSchedule string = '0 0 */6 * * *'

@description('NCRONTAB (6 fields, UTC) of the collection sweep: it only sends the profiles whose collection is due (every 6 h each, SocialWatch:Collectors:CollectEvery).')
param collectSchedule string = '0 0 * * * *'
@description('NCRONTAB (6 fields, UTC) of the daily website link audit.')
param auditSchedule string = '0 30 3 * * *'

@description('NCRONTAB (6 fields, UTC) of the outbox sweep: it sends again the emails that are due (after an SMTP outage, a lost message, an expired claim).')
param outboxSchedule string = '0 */2 * * * *'

@description('Consecutive dead results before a profile is declared dead.')
@minValue(1)
param deadAfterConsecutive int = 3

@description('Hours the row of dead results must span before a profile is declared dead.')
@minValue(1)
param deadAfterHours int = 24

@description('SMTP relay host name.')
param smtpHost string

@description('SMTP relay port (587: STARTTLS, 465: TLS).')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('SMTP user name; its password is the Key Vault secret named by smtpPasswordSecretName.')
param smtpUserName string

@description('Sender of alert emails, e.g. "SocialWatch <alerts@example.com>".')
param smtpFrom string

@description('The dashboard address the emails\' sign-in links open; empty: the app\'s own https://<host>/api/dashboard.')
param dashboardUrl string = ''

@description('.NET version of the dotnet-isolated stack in the Flex Consumption catalog (az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated); it must be the worker\'s target framework (net10.0).')
param runtimeVersion string = '10.0'

@description('Upper bound on instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Storage redundancy.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param storageSku string = 'Standard_LRS'

@description('Days Log Analytics and Application Insights keep telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Days a deleted vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 7

@description('Purge protection on the vault (cannot be turned off again).')
param keyVaultPurgeProtection bool = false

@description('Object id of the person or pipeline that writes the secrets (Key Vault Secrets Officer); empty grants nobody.')
param vaultOperatorPrincipalId string = ''

// The app settings reference these secrets by name; the operator sets their values (infra/README.md).
var smtpPasswordSecretName = 'smtp-password'
var adminApiKeySecretName = 'admin-api-key'
var linkSigningKeySecretName = 'link-signing-key'

var stem = toLower(appName)
var suffix = uniqueString(subscription().id, resourceGroup().id, stem, environmentName)
var allTags = union(tags, { application: 'socialwatch', environment: environmentName })
var names = {
  identity: 'id-${stem}-${environmentName}'
  storage: take('st${stem}${suffix}', 24)
  deploymentContainer: 'app-package'
  keyVault: take('kv-${stem}-${suffix}', 24)
  logAnalytics: 'log-${stem}-${environmentName}'
  applicationInsights: 'appi-${stem}-${environmentName}'
  plan: 'plan-${stem}-${environmentName}'
  functionApp: 'func-${stem}-${environmentName}-${suffix}'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    skuName: storageSku
    deploymentContainerName: names.deploymentContainer
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    appPrincipalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    vaultOperatorPrincipalId: vaultOperatorPrincipalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: allTags
    identityName: identity.outputs.name
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    runtimeVersion: runtimeVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    corsAllowedOrigins: corsAllowedOrigins
    sweepSchedule: sweepSchedule
    collectSchedule: collectSchedule
    auditSchedule: auditSchedule
    outboxSchedule: outboxSchedule
    deadAfterConsecutive: deadAfterConsecutive
    deadAfterHours: deadAfterHours
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUserName: smtpUserName
    smtpFrom: smtpFrom
    smtpPasswordSecretName: smtpPasswordSecretName
    adminApiKeySecretName: adminApiKeySecretName
    linkSigningKeySecretName: linkSigningKeySecretName
    dashboardUrl: dashboardUrl
  }
  // The app must not start before its identity may read storage and Key Vault.
  dependsOn: [roles]
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = functionApp.outputs.url
output keyVaultName string = keyVault.outputs.name
output storageAccountName string = storage.outputs.name
output applicationInsightsName string = monitoring.outputs.applicationInsightsName
