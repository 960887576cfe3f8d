// The Flex Consumption plan and the function app. The app is a .NET isolated worker: runtime 'dotnet-isolated', the package
// a framework-dependent publish (functions.metadata and .azurefunctions/ at its root) that the platform's .NET runs.

@description('Globally unique function app name (it becomes <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan (one app per plan).')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Name of the user-assigned identity the app runs as.')
param identityName string

@description('Storage account for tables, queues and the host (identity-based connection).')
param storageAccountName string

@description('Blob container URL the platform deploys the package from.')
param deploymentContainerUrl string

@description('Application Insights component receiving telemetry (Entra-authenticated).')
param applicationInsightsName string

@description('Key Vault holding the secrets the app settings reference.')
param keyVaultName string

@description('.NET version of the dotnet-isolated stack in the Flex Consumption catalog (az functionapp list-flexconsumption-runtimes --runtime dotnet-isolated); the worker\'s target framework.')
param runtimeVersion string

@description('Upper bound on instances the plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Origins of the business sites allowed to call the API from a browser.')
param corsAllowedOrigins string[]

@description('NCRONTAB (6 fields, UTC) of the profile sweep.')
param sweepSchedule string

@description('NCRONTAB (6 fields, UTC) of the collection sweep (feeds, Mastodon, Bluesky).')
param collectSchedule string
@description('NCRONTAB (6 fields, UTC) of the website link audit.')
param auditSchedule string

@description('NCRONTAB (6 fields, UTC) of the outbox sweep that sends due emails again.')
param outboxSchedule string

@description('Consecutive dead results before a profile is declared dead.')
param deadAfterConsecutive int

@description('Hours the row of dead results must span before a profile is declared dead.')
param deadAfterHours int

@description('SMTP relay host name.')
param smtpHost string

@description('SMTP relay port.')
param smtpPort int

@description('SMTP user name (the password comes from Key Vault).')
param smtpUserName string

@description('Sender of alert emails, e.g. "SocialWatch <alerts@example.com>".')
param smtpFrom string

@description('Key Vault secret holding the SMTP password.')
param smtpPasswordSecretName string

@description('Key Vault secret holding the admin API key.')
param adminApiKeySecretName string

@description('Key Vault secret holding the key that signs the emails\' dashboard sign-in links.')
param linkSigningKeySecretName string

@description('The dashboard address sign-in links open; empty: the app\'s own.')
param dashboardUrl string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The package is framework-dependent: the platform supplies the .NET runtime the worker targets.
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }

  // Every setting the app reads in Azure. Names are checked against the app's options by a test
  // (tests/SocialWatch.Tests/Infra): keep this a plain object so each name stays visible in the compiled template.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
      SWEEP_SCHEDULE: sweepSchedule
      COLLECT_SCHEDULE: collectSchedule
      AUDIT_SCHEDULE: auditSchedule
      OUTBOX_SCHEDULE: outboxSchedule
      SocialWatch__Api__AdminKey: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${adminApiKeySecretName})'
      SocialWatch__SignInLinks__SigningKey: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${linkSigningKeySecretName})'
      SocialWatch__SignInLinks__DashboardUrl: empty(dashboardUrl) ? 'https://${app.properties.defaultHostName}/api/dashboard' : dashboardUrl
      SocialWatch__Smtp__Host: smtpHost
      SocialWatch__Smtp__Port: string(smtpPort)
      SocialWatch__Smtp__UserName: smtpUserName
      SocialWatch__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${smtpPasswordSecretName})'
      SocialWatch__Smtp__From: smtpFrom
      SocialWatch__Checks__DeadDeclaration__ConsecutiveDeadResults: string(deadAfterConsecutive)
      // A TimeSpan in d.hh:mm:ss form (24:00:00 would not parse).
      SocialWatch__Checks__DeadDeclaration__MinimumSpan: '${deadAfterHours / 24}.${deadAfterHours % 24}:00:00'
    }
  }

  // Deployments authenticate with Entra ID (az functionapp deploy); no publishing passwords exist.
  resource scmBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  resource ftpBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
